/**
 * @jest-environment jsdom
 */
// rules.html, the page the pane's 为什么 links point at: a section per rule id, the docs' text
// escaped (no doc can inject markup), links between rules as anchors, no script.
import { rulesPage, render } from "../../scripts/rules-page";
import { RULES } from "../../src/core";
import type * as NodeFs from "node:fs";

function page(): Document {
  return new DOMParser().parseFromString(rulesPage(), "text/html");
}

test("every rule has a section whose id is the rule id, with its title and its 检查内容", () => {
  const doc = page();
  for (const rule of RULES) {
    const section = doc.getElementById(rule.meta.id);
    expect({ id: rule.meta.id, found: section?.tagName }).toEqual({ id: rule.meta.id, found: "SECTION" });
    expect(section!.textContent).toContain(rule.meta.title.zh);
    expect(section!.textContent).toContain("检查内容");
  }
});

test("each rule page's heading names the rule as the pane does (its meta title, zh and en)", () => {
  const { readFileSync } = jest.requireActual<typeof NodeFs>("node:fs");
  for (const rule of RULES) {
    const heading = readFileSync(`${__dirname}/../../docs/rules/${rule.meta.id}.md`, "utf8").split("\n")[0];
    expect(heading).toBe(`# ${rule.meta.id} — ${rule.meta.title.zh} (${rule.meta.title.en})`);
  }
});

test("the page has no script and the add-in's policy", () => {
  const doc = page();
  expect(doc.querySelectorAll("script")).toHaveLength(0);
  expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content")).toContain("object-src 'none'");
});

test("Markdown is escaped before it is formatted: markup in a doc stays text", () => {
  const html = render("# t\n\n正文 <img src=x onerror=alert(1)> 与 `<b>` 和 **粗体**\n\n- 项 [a2.staff-control-rate](a2.staff-control-rate.md) [x](../../README.md)\n\n| a | b |\n|---|---|\n| <i>1</i> | 2 |");
  const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
  expect(doc.querySelectorAll("img, i, b")).toHaveLength(0);
  expect(doc.body.textContent).toContain("<img src=x onerror=alert(1)>");
  expect(doc.querySelector("strong")?.textContent).toBe("粗体");
  expect([...doc.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual(["#a2.staff-control-rate"]);
  expect(doc.querySelector("td")?.textContent).toBe("<i>1</i>");
});
