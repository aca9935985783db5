import { dec, fixed2, plain } from "../../../src/core/numeric/decimal";
import { annex2Form, annex3Form, workbook } from "../../helpers/forms";
import { run } from "../../helpers/rule-tester";
import { messageOf } from "../../../src/core/messages/catalogue";

describe("figures in messages stay readable", () => {
  test.each([
    ["98", "98", "98.00"],
    ["0.6", "0.6", "0.60"],
    ["-5.49", "-5.49", "-5.49"],
    ["999999999999999", "999999999999999", "999999999999999.00"],
    ["1e15", "1e+15", "1e+15"],
    ["1e300", "1e+300", "1e+300"],
    ["-2.5e300", "-2.5e+300", "-2.5e+300"],
    ["1e-300", "1e-300", "0.00"],
    ["0.000001", "0.000001", "0.00"],
    ["0", "0", "0.00"],
  ])("%s → plain %s, fixed2 %s", (input, asPlain, asFixed2) => {
    expect(plain(dec(input))).toBe(asPlain);
    expect(fixed2(dec(input))).toBe(asFixed2);
  });

  test("a 1e300 编制数 gives findings whose texts are short", () => {
    const findings = run(workbook(annex2Form({ staff: { posts: 1e300, onPost: 35, rate: { v: 0.6, fmt: "0%" } } }), annex3Form()));
    const texts = findings.flatMap((f) => [f.expected ?? "", f.actual ?? "", messageOf(f).zh, messageOf(f).en]);
    expect(findings.some((f) => f.ruleId === "a2.staff-control-rate")).toBe(true);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThan(400);
  });
});
