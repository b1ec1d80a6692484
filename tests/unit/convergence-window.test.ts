import { describe, expect, it } from "vitest";
import { convergenceDates } from "@/lib/convergence/window";

describe("convergenceDates", () => {
  const changes = ["2022-01-10", "2022-02-16", "2022-03-01"];

  it("reads as of the last change, with the four weeks before it as the digest", () => {
    expect(convergenceDates(changes, {}, "2024-05-01")).toEqual({
      asOf: "2022-03-01",
      from: "2022-02-01",
      to: "2022-03-01",
    });
  });

  it("stops at today when the last change is later, and on an empty workspace", () => {
    expect(convergenceDates(["2030-01-01"], {}, "2024-05-01")).toMatchObject({ asOf: "2024-05-01", to: "2024-05-01" });
    expect(convergenceDates([], {}, "2024-05-01")).toEqual({
      asOf: "2024-05-01",
      from: "2024-04-03",
      to: "2024-05-01",
    });
  });

  it("ends the digest at an earlier as-of date, and keeps the dates asked for", () => {
    expect(convergenceDates(changes, { asOf: "2022-02-16" }, "2024-05-01")).toEqual({
      asOf: "2022-02-16",
      from: "2022-01-19",
      to: "2022-02-16",
    });
    expect(
      convergenceDates(changes, { asOf: "2022-01-10", from: "2021-12-01", to: "2022-02-01" }, "2024-05-01"),
    ).toEqual({ asOf: "2022-01-10", from: "2021-12-01", to: "2022-02-01" });
  });
});
