import { Notice } from "@/components/ui/notice";

/**
 * Scopes the application has that are not in Wink's catalogue (registered some other way). The
 * picker keeps them, but neither the form's schema nor Wink's accepts them back, so the admin is
 * told and offered one click to drop them, rather than meeting a refusal on save.
 */
export function UnknownScopesNotice({
  scopes,
  disabled,
  onRemove,
}: {
  scopes: readonly string[];
  disabled: boolean;
  onRemove(): void;
}) {
  if (scopes.length === 0) return null;
  const one = scopes.length === 1;
  return (
    <Notice
      title="Scopes Wink will not take back"
      action="Remove scopes outside the catalogue"
      onAction={onRemove}
      disabled={disabled}
      announce={false}
    >
      <bdi>{scopes.join(", ")}</bdi> {one ? "is" : "are"} not in Wink&apos;s scope catalogue, so the
      application cannot be saved with {one ? "it" : "them"}.
    </Notice>
  );
}
