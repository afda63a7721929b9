import { Alert } from "@/components/ui/alert";

/** Why a create or a save did not go through, as the form shows it under its fields. */
export type ChangeFailure = { message: string; unknown: boolean };

/**
 * The failure of a create or a save: an error when it was refused, a warning when nobody knows
 * whether Wink made the change (the words then say how to find out). The message may quote Wink's
 * text, so it is isolated from the surrounding direction.
 */
export function ChangeFailureAlert({
  failure,
  unknownTitle,
  failedTitle,
}: {
  failure: ChangeFailure | null;
  unknownTitle: string;
  failedTitle: string;
}) {
  if (!failure) return null;
  return (
    <Alert
      variant={failure.unknown ? "warning" : "error"}
      title={failure.unknown ? unknownTitle : failedTitle}
    >
      <bdi>{failure.message}</bdi>
    </Alert>
  );
}
