/** The product's name and mark, as it heads every page. */
export function ProductMark() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-foreground">
      <span
        aria-hidden="true"
        className="inline-flex size-7 items-center justify-center rounded-md bg-primary text-sm text-primary-foreground"
      >
        W
      </span>
      Wink Applications Console
    </span>
  );
}
