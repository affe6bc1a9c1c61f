(function () {
  var table = document.getElementById('hosts');
  var body = table.tBodies[0];
  var text = document.getElementById('filter');
  var fv = document.getElementById('fv-filter');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(body.rows);

  function apply() {
    var q = text.value.trim().toLowerCase();
    var state = fv.value;
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!state || r.getAttribute('data-filevault') === state);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + ' of ' + rows.length + ' Macs shown';
  }

  function sortBy(th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    rows.sort(function (a, b) {
      var x = a.cells[index].getAttribute('data-sort'), y = b.cells[index].getAttribute('data-sort');
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
      return c * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener('click', function () { sortBy(th); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sortBy(th); } });
  });
  text.addEventListener('input', apply);
  fv.addEventListener('change', apply);

  // A link can carry a view: #q=TEXT&filevault=STATE&sort=COLUMN[:desc]
  var params = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
    var i = kv.indexOf('=');
    if (i > 0) { params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1)); }
  });
  if (params.q) { text.value = params.q; }
  if (params.filevault) { fv.value = params.filevault; }
  if (params.sort) {
    var parts = params.sort.split(':');
    var th = table.querySelector('th[data-col="' + parts[0] + '"]');
    if (th) { sortBy(th); if (parts[1] === 'desc') { sortBy(th); } }
  }
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
