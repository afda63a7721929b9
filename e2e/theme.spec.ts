import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { SANDBOX_ENTITY_ID } from "./support/sandbox";
import { createInSandbox } from "./support/wink";

// The colours follow the system's scheme (app/globals.css): each scheme must pass WCAG 2.1 AA on its
// own, contrast above all, since the dark set is a second palette that nothing else checks.

const listPath = `/entities/${SANDBOX_ENTITY_ID}/applications`;
const SCHEMES = ["light", "dark"] as const;
type Scheme = (typeof SCHEMES)[number];

function axe(page: Page) {
  return new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
}

/** Only what an admin needs to fix a failure: the rule, and each node with axe's own summary. */
async function violationsOf(page: Page) {
  const { violations } = await axe(page);
  return violations.map((violation) => ({
    rule: violation.id,
    nodes: violation.nodes.map((node) => ({ target: node.target, summary: node.failureSummary })),
  }));
}

/**
 * The relative luminance (WCAG 2.1) of an element's computed colour property, converted to sRGB by
 * the browser itself (a canvas), so that oklch() and color-mix() values are read as painted.
 */
function luminanceOf(page: Page, selector: string, property: "backgroundColor" | "color") {
  return page.locator(selector).evaluate((element, key) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(element)[key];
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }, property);
}

for (const scheme of SCHEMES) {
  test.describe(`the ${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    // The signed-in fixtures open their own contexts: set the scheme on their pages too.
    const inScheme = async (page: Page) => {
      await page.emulateMedia({ colorScheme: scheme });
      return page;
    };

    test("axe finds nothing on the sign-in page", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });

    test("axe finds nothing on the list, the create dialog and the secret it reveals", async ({
      adminPage,
      sandbox,
    }) => {
      void sandbox;
      const page = await inScheme(adminPage);
      await page.goto(listPath);
      await expect(page.getByTestId("list-summary")).toContainText(/of \d+ applications/);
      expect(await violationsOf(page)).toEqual([]);

      await page.getByRole("button", { name: "Create application" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Create application" });
      await dialog.getByLabel("Name").fill(`Theme check ${scheme}`);
      await dialog.getByRole("radio", { name: "Machine to machine" }).click();
      // The picker shows every risk's badge and tints the riskiest rows; a write without its read
      // adds the offer to add it, a link-styled button.
      await dialog
        .getByRole("checkbox", { name: /: write$/ })
        .first()
        .click();
      await expect(dialog.getByRole("button", { name: /^Add .*: read$/ })).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);

      await dialog.getByRole("button", { name: "Create application" }).click();
      await expect(page.getByTestId("reveal-secret")).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });

    test("axe finds nothing on an application's page", async ({ adminPage, sandbox }) => {
      void sandbox;
      const app = await createInSandbox({ scopes: ["booking.read", "booking.write"] });
      const page = await inScheme(adminPage);
      await page.goto(`${listPath}/${app.id}`);
      await expect(page.getByRole("heading", { name: app.name })).toBeVisible();
      expect(await violationsOf(page)).toEqual([]);
    });
  });
}

test("the dark scheme darkens the page and lightens its text", async ({ browser }) => {
  const measure = async (scheme: Scheme) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const figures = {
      page: await luminanceOf(page, "body", "backgroundColor"),
      text: await luminanceOf(page, "body", "color"),
      heading: await luminanceOf(page, "h1", "color"),
    };
    await context.close();
    return figures;
  };
  const light = await measure("light");
  const dark = await measure("dark");

  expect(light.page).toBeGreaterThan(0.9);
  expect(light.text).toBeLessThan(0.05);
  expect(dark.page).toBeLessThan(0.05);
  expect(dark.text).toBeGreaterThan(0.9);
  expect(dark.heading).toBeGreaterThan(0.9);
});
