import { describe, expect, it } from "vitest";
import { cloudinaryIconUrl, isCloudinaryPublicId } from "./icon-identifier";

const BASE = "https://res.cloudinary.com/traveliko/image/upload/c_fill,w_64,h_64/";

describe("isCloudinaryPublicId", () => {
  it("accepts names and folders of the public_id grammar", () => {
    for (const id of ["app-icon", "brand/app_icon.png", "a/b/c/d", "v1.2-icon"]) {
      expect(isCloudinaryPublicId(id), id).toBe(true);
    }
  });

  it("refuses anything that could leave Wink's cloud or change the path", () => {
    for (const id of [
      "../../../../other-cloud/image/upload/pixel",
      "brand/../../secret",
      "..",
      ".",
      "brand/./icon",
      "%2e%2e/%2e%2e/other-cloud/pixel",
      "%2E%2E",
      "https://evil.example/pixel.png",
      "//evil.example/pixel.png",
      "/absolute/icon",
      "folder/",
      "a//b",
      "a\\..\\b",
      "a\\b",
      "brand/ icon",
      "brand/icon?x=1",
      "brand/icon#x",
      "bränd",
      "",
      "x".repeat(256),
    ]) {
      expect(isCloudinaryPublicId(id), id).toBe(false);
    }
  });
});

describe("cloudinaryIconUrl", () => {
  it("builds a thumbnail URL under Wink's cloud", () => {
    expect(cloudinaryIconUrl("brand/app-icon")).toBe(`${BASE}brand/app-icon`);
  });

  it("gives null for a value from Wink outside the grammar, so the avatar falls back", () => {
    expect(cloudinaryIconUrl("../../../../other-cloud/image/upload/pixel")).toBeNull();
    expect(cloudinaryIconUrl("%2e%2e/other-cloud/pixel")).toBeNull();
    expect(cloudinaryIconUrl("https://evil.example/x.png")).toBeNull();
    expect(cloudinaryIconUrl("//evil.example/x.png")).toBeNull();
    expect(cloudinaryIconUrl("a\\..\\..\\b")).toBeNull();
  });

  it("every URL it builds stays under the upload path of Wink's cloud", () => {
    for (const id of ["a", "a.b/c-d", "x_y/z"]) {
      const url = cloudinaryIconUrl(id, 96);
      expect(url && new URL(url).pathname.startsWith("/traveliko/image/upload/")).toBe(true);
    }
  });
});
