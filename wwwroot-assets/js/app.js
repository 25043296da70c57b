// The dashboard's few browser helpers, called from Blazor through JS interop.
window.probeDashboard = {
  // The API page reads the OpenAPI document the way any client would. Bytes, not a string: Blazor streams a
  // typed array to .NET, while a string result must fit in one circuit message (32 KB), which the document does not.
  fetchBytes: async function (url) {
    var response = await fetch(url, { credentials: "same-origin" });
    if (!response.ok) throw new Error("HTTP " + response.status);
    return new Uint8Array(await response.arrayBuffer());
  },
  // The browser's zone for showing times; the offset is a fallback for browsers without Intl zone names.
  timeZone: function () {
    var name = null;
    try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { }
    return { name: name, offsetMinutes: new Date().getTimezoneOffset() };
  },
  // Remembers a preference (the theme) for a year in this browser.
  remember: function (name, value) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=31536000; samesite=lax";
  },
  // The live alert feed's choices (levels, sound, browser notifications) stay in this browser only.
  alertFeed: {
    load: function () {
      try { return JSON.parse(localStorage.getItem("probeDashboard.alertFeed") || "null"); } catch (e) { return null; }
    },
    save: function (prefs) { localStorage.setItem("probeDashboard.alertFeed", JSON.stringify(prefs)); },
    // Asking needs a click by the user in most browsers, so the settings switch calls it.
    askPermission: async function () {
      if (!("Notification" in window)) return "unsupported";
      return Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    },
    announce: function (title, body, url, sound, notify) {
      if (sound) { try { new Audio("assets/sounds/alert.wav").play().catch(function () { }); } catch (e) { } }
      if (notify && "Notification" in window && Notification.permission === "granted") {
        var n = new Notification(title, { body: body, tag: url, icon: "assets/icons/favicon.svg" });
        n.onclick = function () { window.focus(); location.href = url; };
      }
    }
  }
};

// "12 s ago" labels (RelativeTime) tick here, in the browser, once a second for the whole page. The server renders each
// label when its time changes; ticking them from the server cost one render batch per label per second per dashboard.
(function () {
  var meta = document.querySelector('meta[name="probedashboard-relative-time"]');
  if (!meta) return;
  var wording = meta.dataset;
  // The server's clock against the browser's. The meta's time was taken early in rendering this page, after the browser
  // sent its request and well before the page had loaded (rendering the page itself may take a second): comparing it
  // with when the request left keeps the labels at most those few milliseconds ahead of the server's, never behind (they
  // would then count down when the server renders a label anew).
  var navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  var requestedAt = navigation && navigation.requestStart > 0 ? performance.timeOrigin + navigation.requestStart : Date.now();
  var skew = Number(wording.now) - requestedAt;
  function fill(template, a, b) { return template.replace("{0}", a).replace("{1}", b); }
  // The same units as TimeText.Duration on the server.
  function duration(ms) {
    var s = Math.floor(Math.max(0, ms) / 1000);
    if (s < 60) return fill(wording.seconds, s);
    var m = Math.floor(s / 60);
    if (m < 60) return fill(wording.minutes, m);
    var h = Math.floor(m / 60);
    if (h < 24) return fill(wording.hoursMinutes, h, m % 60);
    return fill(wording.daysHours, Math.floor(h / 24), h % 24);
  }
  function tick() {
    if (document.hidden) return;
    var now = Date.now() + skew;
    document.querySelectorAll("time[data-relative]").forEach(function (label) {
      var elapsed = now - Date.parse(label.getAttribute("datetime"));
      var text = label.dataset.relative === "duration" ? duration(elapsed)
        : elapsed < 0 ? wording.justNow : fill(wording.ago, duration(elapsed));
      // Change the text node Blazor rendered, never replace it: Blazor keeps that node to patch it later.
      var node = label.firstChild;
      if (node && node.nodeType === 3 && node.nodeValue !== text) node.nodeValue = text;
    });
  }
  setInterval(tick, 1000);
})();
