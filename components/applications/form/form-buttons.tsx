import { Button } from "@/components/ui/button";

/**
 * Cancel and submit, as create and edit end. While `pending`, both are held: the submit shows
 * `pendingLabel` and its spinner, and Cancel cannot walk away from a change on its way to Wink.
 * The caller lays them out (a dialog's footer, a page's row).
 */
export function FormButtons({
  pending,
  onCancel,
  submitLabel,
  pendingLabel,
}: {
  pending: boolean;
  onCancel(): void;
  submitLabel: string;
  pendingLabel: string;
}) {
  return (
    <>
      <Button type="button" variant="outline" disabled={pending} onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </>
  );
}
