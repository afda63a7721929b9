import { describe, expect, it } from "vitest";
import { applicationWithSameName, nameKey } from "./same-name";

const existing = [{ name: "Booking Site" }, { name: "Partner API" }];

describe("applicationWithSameName", () => {
  it.each([
    "Booking Site",
    "booking site",
    "  Booking   Site ",
    "BOOKING SITE",
    "Ｂｏｏｋｉｎｇ Ｓｉｔｅ", // full-width letters
    "Book\u200bing Site", // a zero-width space
    "\u202aBooking Site\u202c", // bidi embedding marks
    "Booking\u00a0Site", // a no-break space
  ])("finds %j among the existing names", (name) => {
    expect(applicationWithSameName(name, existing)).toBe(existing[0]);
  });

  it.each(["Booking Sites", "Booking-Site", "Partner", ""])("finds nothing for %j", (name) => {
    expect(applicationWithSameName(name, existing)).toBeUndefined();
  });

  it("keeps names that differ in letters apart", () => {
    expect(nameKey("Café")).not.toBe(nameKey("Cafe"));
    expect(nameKey("Cafe\u0301")).toBe(nameKey("Café"));
  });
});
