import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormField, type FormFieldControlProps } from "./form-field";

function render(props: { description?: string; error?: string }): string {
  return renderToStaticMarkup(
    // Called as a function (it holds no hooks), so the render prop needs no JSX here.
    FormField({
      id: "owner",
      label: "Owner",
      ...props,
      children: (control: FormFieldControlProps) => createElement("input", control),
    }),
  );
}

function inputOf(html: string): string {
  const match = /<input[^>]*>/.exec(html);
  if (!match) throw new Error(`no input in ${html}`);
  return match[0];
}

describe("FormField", () => {
  it("labels the control and describes it by its description and its error", () => {
    const html = render({ description: "Who owns it.", error: "Too long." });
    expect(html).toContain('for="owner"');
    expect(inputOf(html)).toContain('id="owner"');
    expect(inputOf(html)).toContain('aria-describedby="owner-hint owner-error"');
    expect(inputOf(html)).toContain('aria-invalid="true"');
    expect(html).toContain('<p id="owner-hint"');
    expect(html).toMatch(/<p id="owner-error"[^>]*>Too long\.<\/p>/);
  });

  it("is not marked invalid, and shows no error, while there is none", () => {
    const html = render({ description: "Who owns it." });
    expect(inputOf(html)).not.toContain("aria-invalid");
    expect(html).not.toContain('id="owner-error"');
  });

  it("points only at the error when there is no description", () => {
    const html = render({ error: "Required." });
    expect(inputOf(html)).toContain('aria-describedby="owner-error"');
    expect(html).not.toContain("owner-hint");
  });
});
