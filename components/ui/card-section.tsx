import type { ComponentProps, ReactNode } from "react";

/**
 * A titled card on a page: a `<section>` named by its own `<h2>` (`aria-labelledby`), so that
 * screen readers list it among the page's regions. `id` is the heading's, unique on the page;
 * other props (`data-testid`) go to the section.
 */
export function CardSection({
  title,
  id,
  children,
  ...props
}: {
  title: ReactNode;
  id: string;
  children: ReactNode;
} & Omit<ComponentProps<"section">, "title" | "id" | "aria-labelledby" | "className">) {
  return (
    <section
      {...props}
      aria-labelledby={id}
      className="grid content-start gap-3 rounded-lg border border-border bg-card p-5"
    >
      <h2 id={id} className="text-base font-semibold text-foreground">
        {title}
      </h2>
      {children}
    </section>
  );
}
