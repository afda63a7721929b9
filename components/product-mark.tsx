/** The product's name and mark, as it heads every page. */
export function ProductMark() {
  return (
    <span className="inline-flex items-center gap-2 font-semibold text-slate-900">
      <span
        aria-hidden="true"
        className="inline-flex size-7 items-center justify-center rounded-md bg-brand-600 text-sm text-white"
      >
        W
      </span>
      Wink Applications Console
    </span>
  );
}
