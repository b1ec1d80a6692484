import { describe, expect, it } from "vitest";
import { DEFAULT_POSITION_LABELS } from "@/lib/matrix/positions";
import { autoPosition, detectColumns, readDate } from "@/lib/stance-import/plan";

describe("reading a spreadsheet's dates", () => {
  it.each([
    ["2022-01-26", "2022-01-26"],
    ["2022/1/7", "2022-01-07"],
    ["2022-01-26T00:00:00Z", "2022-01-26"],
    ["26.01.2022", "2022-01-26"],
    ["26/01/2022", "2022-01-26"],
    ["01/26/2022", "2022-01-26"],
    ["26 January 2022", "2022-01-26"],
    ["Jan 26, 2022", "2022-01-26"],
  ])("reads %s as %s", (raw, date) => {
    expect(readDate(raw)).toEqual({ date });
  });

  it.each([
    ["03/04/2022", "could be day/month or month/day"],
    ["2022-02-30", "not a real date"],
    ["yesterday", "is not a date"],
    ["1850-01-01", "before 1900"],
    ["", "No date."],
  ])("refuses %s", (raw, reason) => {
    const result = readDate(raw);
    expect("problem" in result && result.problem).toContain(reason);
  });

  it("refuses a date in the future", () => {
    const result = readDate(`${new Date().getUTCFullYear() + 1}-01-01`);
    expect("problem" in result && result.problem).toContain("in the future");
  });
});

describe("mapping words to the scale", () => {
  const labels = { ...DEFAULT_POSITION_LABELS, OPEN: "Flexible on terms" };
  it("takes the workspace's labels, the scale's names and the usual words", () => {
    expect(autoPosition("flexible ON terms", labels)).toBe("OPEN");
    expect(autoPosition("no_position", labels)).toBe("NO_POSITION");
    expect(autoPosition("Open to negotiate", labels)).toBe("OPEN");
    expect(autoPosition(" Red line ", labels)).toBe("REJECTS");
    expect(autoPosition("in favour", labels)).toBe("SUPPORTS");
    expect(autoPosition("lukewarm", labels)).toBeNull();
  });

  it("finds the columns by their usual names", () => {
    expect(detectColumns(["Topic", "Country", "Stance", "Notes", "Stated on", "URL", ""])).toEqual({
      issue: 0,
      party: 1,
      position: 2,
      summary: 3,
      date: 4,
      source: 5,
      quote: null,
    });
  });
});
