import type { ReactNode } from "react";

/** One term of the console record's description list, its description carrying `testId`. */
export function RecordItem({
  term,
  testId,
  wide = false,
  after = null,
  children,
}: {
  term: string;
  testId: string;
  wide?: boolean;
  /** A second description of the same term (a `dd`), such as the secret's standing. */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={wide ? "grid gap-1 sm:col-span-2" : "grid gap-1"}>
      <dt className="font-medium text-foreground">{term}</dt>
      <dd className="break-words text-body" data-testid={testId}>
        {children}
      </dd>
      {after}
    </div>
  );
}
