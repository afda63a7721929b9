"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ListSelect } from "@/components/ui/list-select";
import { Textarea } from "@/components/ui/textarea";
import { CLIENT_TYPE_CHOICES } from "@/lib/applications/client-type-choices";
import type { UpdateApplicationInput } from "@/lib/applications/form-schema";
import { DESCRIPTION_MAX_LENGTH, OWNER_MAX_LENGTH } from "@/lib/applications/text-rules";
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
        <FormField
          id="application-client-type"
          label="Client type"
          description={
            <>
              Not recorded: the application was created outside the console. The choice shown is a
              guess from its redirect URIs ({CLIENT_TYPE_CHOICES[unknownType.guess].label}); check
              it before you save.
            </>
          }
          error={errors.clientType?.message}
        >
          {(field) => (
            <ListSelect {...field} disabled={disabled} {...register("clientType")}>
              <option value="">Leave unknown</option>
              {CLIENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {CLIENT_TYPE_CHOICES[type].label}
                  {type === unknownType.guess ? " (guess)" : ""}
                </option>
              ))}
            </ListSelect>
          )}
        </FormField>
      ) : null}
      <FormField
        id="application-owner"
        label="Owner"
        description={<>The team or person responsible. Up to {OWNER_MAX_LENGTH} characters.</>}
        error={errors.owner?.message}
      >
        {(field) => (
          <Input
            {...field}
            autoComplete="off"
            maxLength={OWNER_MAX_LENGTH + 20}
            disabled={disabled}
            {...register("owner")}
          />
        )}
      </FormField>
      <FormField
        id="application-description"
        label="Description"
        description={<>What it is for. Up to {DESCRIPTION_MAX_LENGTH} characters.</>}
        error={errors.description?.message}
      >
        {(field) => (
          <Textarea
            {...field}
            rows={3}
            maxLength={DESCRIPTION_MAX_LENGTH + 50}
            disabled={disabled}
            {...register("description")}
          />
        )}
      </FormField>
    </fieldset>
  );
}
