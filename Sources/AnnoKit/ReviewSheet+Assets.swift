extension ReviewSheet {
    /// The page's style sheet (inline; no web fonts, no external resources).
    static let stylesheet = """
    :root{--bg:#f4f4f2;--card:#fff;--ink:#1d1d1f;--muted:#666;--line:#d9d9d6;--ok:#1a7f37;--bad:#c62828;--fix:#b26a00}
    *{box-sizing:border-box}
    body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;background:var(--bg);color:var(--ink)}
    .bar{position:sticky;top:0;z-index:5;display:flex;justify-content:space-between;align-items:center;gap:16px;padding:10px 20px;background:#222;color:#fff}
    .bar h1{font-size:18px;margin:0}
    .bar .meta{margin:2px 0 0;color:#ccc;font-size:13px}
    .bar .path{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
    .actions{display:flex;align-items:center;gap:12px;white-space:nowrap}
    #counter{font-variant-numeric:tabular-nums}
    button{font:inherit;padding:6px 14px;border:0;border-radius:6px;background:#3b82f6;color:#fff;cursor:pointer}
    button:hover{background:#2563eb}
    .help{margin:12px 20px;color:var(--muted)}
    .help code{background:#e8e8e5;padding:1px 4px;border-radius:3px}
    .empty{margin:40px 20px;font-size:16px}
    #cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:16px;padding:0 20px 24px}
    .card{display:grid;grid-template-columns:minmax(0,1fr) 210px;gap:14px;background:var(--card);border:1px solid var(--line);border-left:6px solid var(--line);border-radius:8px;padding:12px}
    .card.approved{border-left-color:var(--ok)}
    .card.rejected{border-left-color:var(--bad)}
    .card.needs-fix{border-left-color:var(--fix)}
    .views{display:flex;flex-direction:column;align-items:flex-start;gap:8px;min-width:0}
    .view{position:relative;overflow:hidden;max-width:100%;background-repeat:no-repeat;border-radius:4px;background-color:#808080}
    .view.thumb{opacity:.95}
    .view.nosize{width:100%;height:120px;display:flex;align-items:center;justify-content:center;color:#eee}
    .view .mask{position:absolute;image-rendering:pixelated;pointer-events:none}
    .view .box{position:absolute;inset:0;width:100%;height:100%;pointer-events:none;overflow:visible}
    .view .box rect{fill:none;stroke:#ffeb3b;stroke-width:2;stroke-dasharray:6 4;vector-effect:non-scaling-stroke}
    .view{cursor:pointer}
    .view.bare .mask{visibility:hidden}
    .view .label{position:absolute;left:4px;bottom:4px;font-size:11px;padding:1px 5px;border-radius:3px;background:rgba(0,0,0,.55);color:#fff}
    .warn{margin:0;color:var(--fix);font-size:12px}
    .info h2{font-size:16px;margin:0 0 8px;display:flex;align-items:center;gap:8px;overflow-wrap:anywhere}
    .swatch{flex:none;width:14px;height:14px;border-radius:3px;border:1px solid rgba(0,0,0,.3)}
    dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0 0 10px;font-size:13px}
    dt{color:var(--muted)}
    dd{margin:0;overflow-wrap:anywhere}
    dd.source{font-weight:600}
    fieldset.decision{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:6px 8px;display:flex;flex-direction:column;gap:4px}
    fieldset.decision legend{font-size:12px;color:var(--muted);padding:0 4px}
    fieldset.decision label{cursor:pointer;padding:2px 4px;border-radius:4px}
    label.approved:has(input:checked){background:#dcfce7;color:var(--ok);font-weight:600}
    label.rejected:has(input:checked){background:#fee2e2;color:var(--bad);font-weight:600}
    label.needs-fix:has(input:checked){background:#fef3c7;color:var(--fix);font-weight:600}
    .note{width:100%;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:4px}
    @media (max-width:640px){#cards{grid-template-columns:1fr}.card{grid-template-columns:1fr}}

    """

    /// The page's script: counts decisions, remembers them in local storage, downloads them as JSON.
    static let script = """
    (function () {
      "use strict";
      var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
      var counter = document.getElementById("counter");
      var key = "annokit-review:" + document.title + ":" + cards.length;
      function chosen(card) {
        var input = card.querySelector("input[type=radio]:checked");
        return input ? input.value : null;
      }
      function decisions() {
        var out = [];
        cards.forEach(function (card) {
          var status = chosen(card);
          if (!status) { return; }
          var raw = card.getAttribute("data-annotation-id");
          var d = { annotation_id: card.getAttribute("data-id-type") === "int" ? Number(raw) : raw, status: status };
          var note = card.querySelector(".note").value.trim();
          if (note) { d.note = note; }
          out.push(d);
        });
        return out;
      }
      function refresh() {
        var done = 0;
        cards.forEach(function (card) {
          var status = chosen(card);
          card.classList.remove("approved", "rejected", "needs-fix");
          if (status) { card.classList.add(status); done += 1; }
        });
        counter.textContent = done + " / " + cards.length + " decided";
      }
      function save() {
        try { localStorage.setItem(key, JSON.stringify(decisions())); } catch (e) { /* storage unavailable */ }
      }
      function restore() {
        var saved;
        try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { saved = []; }
        var byId = {};
        saved.forEach(function (d) { byId[String(d.annotation_id)] = d; });
        cards.forEach(function (card) {
          var d = byId[card.getAttribute("data-annotation-id")];
          if (!d) { return; }
          var input = card.querySelector("input[type=radio][value='" + d.status + "']");
          if (input) { input.checked = true; }
          if (d.note) { card.querySelector(".note").value = d.note; }
        });
      }
      document.getElementById("cards").addEventListener("change", function () { refresh(); save(); });
      document.getElementById("cards").addEventListener("input", save);
      document.getElementById("cards").addEventListener("click", function (event) {
        var view = event.target.closest ? event.target.closest(".view") : null;
        if (view) { view.classList.toggle("bare"); }
      });
      document.getElementById("download").addEventListener("click", function () {
        var text = JSON.stringify({ version: 1, decisions: decisions() }, null, 2) + "\\n";
        var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        var a = document.createElement("a");
        a.href = url;
        a.download = "decisions.json";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
      });
      restore();
      refresh();
    })();

    """
}
