"""Steps after the pages are written: search, CSS, offline copies, service worker, leaflets, share cards, manifest."""
