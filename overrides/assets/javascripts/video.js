/* Click-to-load YouTube (scripts/sitegen/transforms/video_embed.py writes the facade). The page holds a plain link to the
   video, which works without JavaScript; here it becomes a button, and only a tap inserts the
   youtube-nocookie.com player. Nothing from YouTube loads before that tap. */
(function () {
  "use strict";
  function play(button) {
    var frame = document.createElement("iframe");
    var start = parseInt(button.getAttribute("data-start"), 10) || 0;
    frame.src = "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(button.getAttribute("data-youtube")) +
      "?autoplay=1&rel=0" + (start ? "&start=" + start : "");
    frame.title = button.getAttribute("data-title");
    frame.className = "site-video__frame";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    button.parentNode.replaceChild(frame, button);
    frame.focus();
  }
  var links = document.querySelectorAll("a.site-video__facade[data-youtube]");
  Array.prototype.forEach.call(links, function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    ["data-youtube", "data-start", "data-title"].forEach(function (name) {
      button.setAttribute(name, link.getAttribute(name));
    });
    button.setAttribute("aria-label", link.getAttribute("data-label"));
    while (link.firstChild) button.appendChild(link.firstChild);
    link.parentNode.replaceChild(button, link);
    button.addEventListener("click", function () { play(button); });
  });
})();
