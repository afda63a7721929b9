"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ListSelect } from "@/components/ui/list-select";
import { Textarea } from "@/components/ui/textarea";
import {
  CLIENT_TYPE_CHOICES,
  DESCRIPTION_MAX_LENGTH,
  OWNER_MAX_LENGTH,
  type UpdateApplicationInput,
} from "@/lib/applications/form-schema";
import { CLIENT_TYPES, type ClientType } from "@/lib/wink-contract/schemas";

/**
 * What only the console keeps, on the edit form: description, owner and, while nobody has
 * recorded it, the client type (pre-filled with the guess from the redirect URIs, marked as one).
 * Wink never sees these.
 */
export function RecordFields({
  register,
  errors,
  disabled,
  unknownType,
}: {
  register: UseFormRegister<UpdateApplicationInput>;
  errors: FieldErrors<UpdateApplicationInput>;
  disabled: boolean;
  /** The guess to offer when the type is unknown; undefined when a type is recorded. */
  unknownType?: { guess: ClientType };
}) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-border p-4">
      <legend className="px-1 text-sm font-semibold text-foreground">Console record</legend>
      <p className="text-sm text-muted-foreground">
        Kept by the console only: Wink does not store these.
      </p>
      {unknownType ? (
        <div className="space-y-1">
          <Label htmlFor="application-client-type">Client type</Label>
          <ListSelect
            id="application-client-type"
            disabled={disabled}
            aria-describedby="application-client-type-hint application-client-type-error"
            {...register("clientType")}
          >
            <option value="">Leave unknown</option>
            {CLIENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {CLIENT_TYPE_CHOICES[type].label}
                {type === unknownType.guess ? " (guess)" : ""}
              </option>
            ))}
          </ListSelect>
          <p id="application-client-type-hint" className="text-sm text-muted-foreground">
            Not recorded: the application was created outside the console. The choice shown is a
            guess from its redirect URIs ({CLIENT_TYPE_CHOICES[unknownType.guess].label}); check it
            before you save.
          </p>
          <FieldError id="application-client-type-error" message={errors.clientType?.message} />
        </div>
      ) : null}
      <div className="space-y-1">
        <Label htmlFor="application-owner">Owner</Label>
        <Input
          id="application-owner"
          autoComplete="off"
          maxLength={OWNER_MAX_LENGTH + 20}
          disabled={disabled}
          aria-invalid={errors.owner ? true : undefined}
          aria-describedby="application-owner-hint application-owner-error"
          {...register("owner")}
        />
        <p id="application-owner-hint" className="text-sm text-muted-foreground">
          The team or person responsible. Up to {OWNER_MAX_LENGTH} characters.
        </p>
        <FieldError id="application-owner-error" message={errors.owner?.message} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="application-description">Description</Label>
        <Textarea
          id="application-description"
          rows={3}
          maxLength={DESCRIPTION_MAX_LENGTH + 50}
          disabled={disabled}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby="application-description-hint application-description-error"
          {...register("description")}
        />
        <p id="application-description-hint" className="text-sm text-muted-foreground">
          What it is for. Up to {DESCRIPTION_MAX_LENGTH} characters.
        </p>
        <FieldError id="application-description-error" message={errors.description?.message} />
      </div>
    </fieldset>
  );
}
