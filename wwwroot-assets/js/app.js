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
