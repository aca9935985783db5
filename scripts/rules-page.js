// Builds rules.html: every docs/rules/<id>.md on one static page, one section per rule with the
// rule id as its anchor, so the pane's 为什么 links ("rules.html#a2.staff-control-rate") work
// offline, from the add-in's own server, without a script. The Markdown of these pages is plain
// (headings, paragraphs, lists, fenced code, tables, links, **bold**, `code`); everything is
// HTML-escaped first, so no text of a doc can become markup.
const fs = require("node:fs");
const path = require("node:path");

const DIR = path.join(__dirname, "..", "docs", "rules");

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline Markdown of an escaped line: `code`, **bold**, and links (to other rules: their anchor). */
function inline(escaped) {
  return escaped
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text, target) => {
      const rule = /^([a-z0-9]+\.[a-z0-9-]+)\.md$/.exec(target);
      if (rule) return `<a href="#${rule[1]}">${text}</a>`;
      // Links outside the rule pages (the repository's own files) are not served: keep the text.
      return text;
    });
}

function tableRow(line) {
  return line.replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim());
}

/** The body of one rule page as HTML, its first heading dropped (the section has its own). */
function render(markdown) {
  const lines = markdown.split(/\r?\n/);
  const out = [];
  let list = false;
  const closeList = () => {
    if (list) out.push("</ul>");
    list = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^# /.test(line)) continue;
    if (/^```/.test(line)) {
      closeList();
      const code = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      out.push(`<pre>${escapeHtml(code.join("\n"))}</pre>`);
      continue;
    }
    const heading = /^(#{2,4}) (.*)$/.exec(line);
    if (heading) {
      closeList();
      const level = heading[1].length + 1;
      out.push(`<h${level}>${inline(escapeHtml(heading[2]))}</h${level}>`);
      continue;
    }
    if (/^\|/.test(line)) {
      closeList();
      const rows = [];
      for (; i < lines.length && /^\|/.test(lines[i]); i++) rows.push(lines[i]);
      i--;
      const [head, , ...body] = rows;
      out.push("<table><thead><tr>" + tableRow(head).map((c) => `<th>${inline(escapeHtml(c))}</th>`).join("") + "</tr></thead><tbody>");
      for (const row of body) out.push("<tr>" + tableRow(row).map((c) => `<td>${inline(escapeHtml(c))}</td>`).join("") + "</tr>");
      out.push("</tbody></table>");
      continue;
    }
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (item) {
      if (!list) out.push("<ul>");
      list = true;
      out.push(`<li>${inline(escapeHtml(item[1]))}</li>`);
      continue;
    }
    closeList();
    if (line.trim() !== "") out.push(`<p>${inline(escapeHtml(line))}</p>`);
  }
  closeList();
  return out.join("\n");
}

/** The rule pages, sorted by id: [id, title line, body HTML]. */
function rulePages() {
  return fs.readdirSync(DIR)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .sort()
    .map((f) => {
      const markdown = fs.readFileSync(path.join(DIR, f), "utf8");
      const id = f.replace(/\.md$/, "");
      const title = (/^# (.*)$/m.exec(markdown) || [null, id])[1];
      return { id, title, body: render(markdown) };
    });
}

// The same policy as every page of the add-in (the build test holds them to it); the page has no script.
const CSP = "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

function rulesPage() {
  const pages = rulePages();
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${CSP}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>规则说明 Rules · 绩效自评附件校验</title>
  <style>body{font-family:"Segoe UI","Microsoft YaHei",sans-serif;max-width:52em;margin:1.5em auto;padding:0 1em;line-height:1.6;color:#242424}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em;border-top:1px solid #e0e0e0;padding-top:1em}h3{font-size:1em}pre{background:#f5f5f5;padding:.6em;overflow-x:auto;white-space:pre-wrap}code{background:#f5f5f5;padding:0 .2em}table{border-collapse:collapse;display:block;overflow-x:auto}th,td{border:1px solid #d1d1d1;padding:.2em .5em;vertical-align:top}nav li{display:inline-block;margin-right:1em}</style>
</head>
<body>
  <h1>规则说明 Rules</h1>
  <nav aria-label="规则 Rules"><ul>${pages.map((p) => `<li><a href="#${p.id}">${escapeHtml(p.id)}</a></li>`).join("")}</ul></nav>
${pages.map((p) => `  <section id="${p.id}" aria-labelledby="${p.id}-title">\n    <h2 id="${p.id}-title">${inline(escapeHtml(p.title))}</h2>\n${p.body}\n  </section>`).join("\n")}
</body>
</html>
`;
}

module.exports = { rulesPage, render, escapeHtml };
