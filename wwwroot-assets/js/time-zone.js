// Remembers this browser's time zone in a cookie (as "IANA name|getTimezoneOffset()"), on every page and the sign-in
// page too: the server then draws times in it from the first response after sign-in, and the live circuit starts
// knowing it. Without it the circuit asked for the zone after its first render and the monitors list read its first
// page twice, once in UTC and once again in the browser's zone.
(function () {
  var name = "";
  try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { }
  document.cookie = "pd-tz=" + encodeURIComponent(name + "|" + new Date().getTimezoneOffset()) + "; path=/; max-age=31536000; samesite=lax";
})();
