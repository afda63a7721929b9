"use client";

import type { ReactNode } from "react";
import { Controller, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { IconField } from "@/components/applications/form/icon-field";
import { ScopePicker } from "@/components/applications/scope-picker/scope-picker";
import { UriListEditor } from "@/components/applications/form/uri-list-editor";
import { FieldError } from "@/components/ui/field-error";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ClientType } from "@/lib/wink-contract/schemas";
import type { UpdateApplicationInput } from "@/lib/applications/form-schema";
import { URIS_MAX_COUNT } from "@/lib/applications/redirect-uri-rules";
import { NAME_MAX_LENGTH } from "@/lib/applications/text-rules";

/** The fields that create and edit share: everything but the client type. */
type SharedFields = UpdateApplicationInput;

function rowErrorsOf(
  errors: FieldErrors<SharedFields>,
  field: "redirectUris" | "postLogoutRedirectUris",
) {
  const list = errors[field] as unknown as Array<{ message?: string } | undefined> | undefined;
  if (!Array.isArray(list)) return [];
  return Array.from(list, (row) => row?.message);
}

export function ApplicationFields({
  control,
  register,
  errors,
  disabled,
  showRedirects,
  showPostLogout,
  clientType,
  nameNotice,
}: {
  control: Control<SharedFields>;
  register: UseFormRegister<SharedFields>;
  errors: FieldErrors<SharedFields>;
  disabled: boolean;
  showRedirects: boolean;
  showPostLogout: boolean;
  /** Known on create only: Wink does not return it for the edit form. */
  clientType?: ClientType;
  /** Shown right under the name, e.g. the warning that the name is already taken. */
  nameNotice?: ReactNode;
}) {
  return (
    <>
      <FormField
        id="application-name"
        label="Name"
        description={
          <>Shown to people on Wink&apos;s consent screen. Up to {NAME_MAX_LENGTH} characters.</>
        }
        error={errors.name?.message}
        notice={nameNotice}
      >
        {(field) => (
          <Input
            {...field}
            autoComplete="off"
            maxLength={NAME_MAX_LENGTH + 20}
            disabled={disabled}
            {...register("name")}
          />
        )}
      </FormField>

      {showRedirects && (
        <Controller
          control={control}
          name="redirectUris"
          render={({ field }) => (
            <UriListEditor
              label="Redirect URIs"
              description="Where Wink may send users back after they sign in. Exact URIs: https, or http for localhost only; no fragments or wildcards."
              value={field.value ?? []}
              onChange={field.onChange}
              error={(errors.redirectUris as { message?: string } | undefined)?.message}
              rowErrors={rowErrorsOf(errors, "redirectUris")}
              placeholder="https://app.example.com/callback"
              itemName="redirect URI"
              disabled={disabled}
              max={URIS_MAX_COUNT}
            />
          )}
        />
      )}

      {showPostLogout && (
        <Controller
          control={control}
          name="postLogoutRedirectUris"
          render={({ field }) => (
            <UriListEditor
              label="Post-logout redirect URIs (optional)"
              description="Where Wink may send users after they sign out."
              value={field.value ?? []}
              onChange={field.onChange}
              error={(errors.postLogoutRedirectUris as { message?: string } | undefined)?.message}
              rowErrors={rowErrorsOf(errors, "postLogoutRedirectUris")}
              placeholder="https://app.example.com/signed-out"
              itemName="post-logout redirect URI"
              disabled={disabled}
              max={URIS_MAX_COUNT}
            />
          )}
        />
      )}

      <div className="space-y-2">
        <h3 id="scopes-heading" className="text-sm font-medium text-foreground">
          API scopes
        </h3>
        <p id="scopes-hint" className="text-sm text-muted-foreground">
          Grant only what the application needs. With no scopes it can call none of Wink&apos;s
          APIs.
        </p>
        <Controller
          control={control}
          name="scopes"
          render={({ field }) => (
            <ScopePicker
              id="application-scopes"
              value={field.value ?? []}
              onChange={field.onChange}
              disabled={disabled}
              clientType={clientType}
              aria-labelledby="scopes-heading"
              aria-describedby="scopes-hint application-scopes-error"
              aria-invalid={errors.scopes ? true : undefined}
            />
          )}
        />
        <FieldError id="application-scopes-error" message={errors.scopes?.message} />
      </div>

      <Controller
        control={control}
        name="iconIdentifier"
        render={({ field }) => (
          <IconField
            value={field.value ?? ""}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.iconIdentifier?.message}
            disabled={disabled}
          />
        )}
      />
    </>
  );
}
