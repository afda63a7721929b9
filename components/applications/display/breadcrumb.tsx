import { ChevronRight } from "lucide-react";
import Link from "next/link";

export type Crumb = { label: string; href?: string };

/** Where the page sits; the last crumb is the page itself. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-body">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex min-w-0 items-center gap-1">
              {index > 0 ? (
                <ChevronRight className="size-4 shrink-0 text-faint" aria-hidden="true" />
              ) : null}
              {item.href && !last ? (
                <Link
                  href={item.href}
                  className="font-medium underline-offset-4 hover:text-link hover:underline"
                >
                  <bdi>{item.label}</bdi>
                </Link>
              ) : (
                <span
                  aria-current={last ? "page" : undefined}
                  title={item.label}
                  className="truncate text-foreground"
                >
                  <bdi>{item.label}</bdi>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
