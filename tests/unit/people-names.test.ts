import { describe, expect, it } from "vitest";
import { nameKey, similarPeople } from "@/lib/people/names";

const directory = [
  { id: "peskov", name: "Dmitry Peskov", aliases: ["Peskov"] },
  { id: "lavrov", name: "Sergei Lavrov", aliases: [] },
  { id: "kortunov", name: "Andrey Kortunov", aliases: [] },
  { id: "ryabkov", name: "Sergei Ryabkov", aliases: [] },
  { id: "blinken", name: "Antony Blinken", aliases: [] },
];

describe("similar names", () => {
  it.each([
    ["Dmitri Peskov", ["peskov"]],
    ["Dmitrii Peskov", ["peskov"]],
    ["D. Peskov", ["peskov"]],
    ["Sergey Lavrov", ["lavrov"]],
    ["Sergéi Lavróv", ["lavrov"]],
    ["Andrei Kortunov", ["kortunov"]],
    ["Sergei Riabkov", ["ryabkov"]],
    ["Anthony Blinken", ["blinken"]],
    ["Tony Blinken", []],
    ["Sergei Shoigu", []],
    ["Maria Zakharova", []],
    ["Al", []],
  ])("%j may be %j", (name, expected) => {
    expect(similarPeople(name, directory).map((p) => p.id)).toEqual(expected);
  });

  it("folds accents, case, punctuation and transliteration", () => {
    expect(nameKey("  Dmitriy  PESKOV ")).toBe(nameKey("Dmitri Peskov"));
    expect(nameKey("Kharkov")).toBe(nameKey("Harkov"));
  });
});
