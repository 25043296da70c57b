// The dashboard's few browser helpers, called from Blazor through JS interop.
window.probeDashboard = {
  // The browser's zone for showing times; the offset is a fallback for browsers without Intl zone names.
  timeZone: function () {
    var name = null;
    try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch (e) { }
    return { name: name, offsetMinutes: new Date().getTimezoneOffset() };
  },
  // Remembers a preference (the theme) for a year in this browser.
  remember: function (name, value) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=31536000; samesite=lax";
  }
};
