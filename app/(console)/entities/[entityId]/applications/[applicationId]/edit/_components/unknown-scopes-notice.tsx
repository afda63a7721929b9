import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
    <Alert variant="warning" announce={false} title="Scopes Wink will not take back">
      <p>
        <bdi>{scopes.join(", ")}</bdi> {one ? "is" : "are"} not in Wink&apos;s scope catalogue, so
        the application cannot be saved with {one ? "it" : "them"}.
      </p>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mt-2"
        disabled={disabled}
        onClick={onRemove}
      >
        Remove scopes outside the catalogue
      </Button>
    </Alert>
  );
}
