import { Alert } from "@/components/ui/alert";
import { CardSection } from "@/components/ui/card-section";
import { RECORD_UNAVAILABLE_MESSAGE } from "@/lib/applications/listed-application";
import type { PublicRecord } from "@/lib/applications/record/public-record";
import { secretAge } from "@/lib/applications/record/public-record";
import { clientTypeWords, formatRecordDate } from "@/lib/applications/record-words";
import type { SecretPolicy } from "@/lib/applications/secret-policy";
import { RecordItem as Item } from "./record-item";
import { recordStanding, SecretStandingBadge } from "./secret-standing";

/**
 * What the console keeps about an application and Wink does not (the console's record), on the
 * application page: a server component, so `now` is the server's and nothing re-renders it. Text
 * an admin typed (owner, description) and names from sessions are bidi-isolated.
 */
export function ApplicationRecord({
  record,
  application,
  now,
  policy,
}: {
  /** Null when the record could not be read. */
  record: PublicRecord | null;
  application: { redirectUris: readonly string[] };
  now: number;
  /** The secret-age policy (CONSOLE_SECRET_MAX_AGE_DAYS): the standing next to the age. */
  policy: SecretPolicy;
}) {
  return (
    <CardSection title="Console record" id="record-heading" data-testid="application-record">
      {record ? (
        <RecordDetails record={record} application={application} now={now} policy={policy} />
      ) : (
        <Alert variant="warning" announce={false} data-testid="record-unavailable">
          {RECORD_UNAVAILABLE_MESSAGE}
        </Alert>
      )}
    </CardSection>
  );
}

function RecordDetails({
  record,
  application,
  now,
  policy,
}: {
  record: PublicRecord;
  application: { redirectUris: readonly string[] };
  now: number;
  policy: SecretPolicy;
}) {
  const type = clientTypeWords(record, application);
  const age = secretAge(record, now);
  const days = `${age.days} ${age.days === 1 ? "day" : "days"}`;
  const standing = recordStanding(record, policy, now);
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2">
      <Item term="Client type" testId="record-client-type">
        {type.text}
        {type.note ? <span className="text-muted-foreground"> ({type.note})</span> : null}
      </Item>
      <Item term="Created" testId="record-created">
        {record.createdAt ? (
          <>
            {formatRecordDate(record.createdAt)}
            {record.createdBy ? (
              <>
                {" "}
                by <bdi>{record.createdBy}</bdi>
              </>
            ) : null}
          </>
        ) : (
          `Before the console, or outside it (first seen ${formatRecordDate(record.firstSeenAt)})`
        )}
      </Item>
      <Item
        term="Secret issued"
        testId="record-secret-issued"
        after={
          standing.state === "off" ? null : (
            <dd data-testid="record-secret-standing">
              <SecretStandingBadge standing={standing} />
            </dd>
          )
        }
      >
        {record.secretIssuedAt ? (
          <>
            {formatRecordDate(record.secretIssuedAt)} ({days} ago)
            {record.secretIssuedBy ? (
              <>
                {" "}
                by <bdi>{record.secretIssuedBy}</bdi>
              </>
            ) : null}
          </>
        ) : (
          `Outside the console, at least ${days} ago`
        )}
      </Item>
      <Item term="Rotations in the console" testId="record-rotations">
        {record.rotations === 1 ? "1 rotation" : `${record.rotations} rotations`}
      </Item>
      {record.clientIdChangedOutsideAt ? (
        <Item term="Client ID" testId="record-rotated-outside">
          Rotated outside the console, seen at {formatRecordDate(record.clientIdChangedOutsideAt)}
        </Item>
      ) : null}
      <Item term="Owner" testId="record-owner">
        {record.owner ? (
          <bdi>{record.owner}</bdi>
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </Item>
      <Item term="Description" testId="record-description" wide>
        {record.description ? (
          <bdi className="whitespace-pre-line">{record.description}</bdi>
        ) : (
          <span className="text-muted-foreground">None</span>
        )}
      </Item>
    </dl>
  );
}
