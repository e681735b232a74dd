"""Transforms of each page's rendered HTML: sanitizer and its policy, CSP, images, video players, print links."""
