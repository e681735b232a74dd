/* "Dengarkan": read the page's article aloud with the browser's own speech synthesis
   (overrides/partials/page-read-aloud.html). No network, no third party. The button stays hidden
   where the browser cannot speak. A second tap stops. */
(function () {
  "use strict";
  var button = document.querySelector("[data-read-aloud]");
  var synth = window.speechSynthesis;
  if (!button || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption,summary,.admonition-title";
  // Not read: the page's own controls, feedback, sources (web addresses), permalinks, print-only parts.
  var SKIP = "[data-read-aloud-skip],.site-sources,.site-print-footer,.headerlink,.md-content__button," +
             "[hidden],script,style";
  // The voice comes from mkdocs.yml (extra.speech_lang) through the button; else the page's language.
  var lang = button.getAttribute("data-lang") || document.documentElement.lang;
  var speaking = false;

  function ownText(element) {
    // The text of a block without the blocks inside it (those are read on their own, in order).
    var out = "";
    element.childNodes.forEach(function (node) {
      if (node.nodeType === 3) out += node.nodeValue;
      else if (node.nodeType === 1 && !node.matches(BLOCKS) && !node.matches(SKIP)) out += ownText(node);
    });
    return out;
  }

  function chunks() {
    var article = button.closest("article") || document.querySelector("article") || document.body;
    var parts = [];
    article.querySelectorAll(BLOCKS).forEach(function (block) {
      if (block.closest(SKIP)) return;
      var text = ownText(block).replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    });
    return parts;
  }

  function voiceFor(code) {
    var primary = code.toLowerCase().split("-")[0];
    var voices = synth.getVoices ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().replace("_", "-").split("-")[0] === primary) return voices[i];
    }
    return null;
  }

  function setSpeaking(on) {
    speaking = on;
    button.textContent = button.getAttribute(on ? "data-label-stop" : "data-label-start");
    button.classList.toggle("site-read-aloud--speaking", on);
  }

  function start() {
    synth.cancel();
    var parts = chunks();
    if (!parts.length) return;
    var voice = voiceFor(lang);
    setSpeaking(true);
    // One utterance per block: long utterances are cut off by some Android voices.
    parts.forEach(function (text, index) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      if (index === parts.length - 1) {
        utterance.onend = function () { setSpeaking(false); };
      }
      utterance.onerror = function () { setSpeaking(false); };
      synth.speak(utterance);
    });
  }

  button.addEventListener("click", function () {
    if (speaking) {
      synth.cancel();
      setSpeaking(false);
    } else {
      start();
    }
  });
  // Stop when the reader leaves the page; some browsers keep talking otherwise.
  window.addEventListener("pagehide", function () { synth.cancel(); });
  button.hidden = false;
})();
