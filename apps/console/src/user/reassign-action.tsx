import { useState } from 'react';
import { api, ok, type SubscriptionView, type UserView } from '../api/client';
import { licensesOf, previewLicenseChange } from '../preview/consequences';
import { Field, Select } from '../ui/field';
import { ConfirmChange } from './confirm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Move one of the user's seats to another user (L8), after a preview of what this user loses. */
export function ReassignAction({
  user,
  subs,
  onChanged,
}: {
  user: UserView;
  subs: SubscriptionView[];
  onChanged: () => void;
}) {
  const [skuId, setSkuId] = useState(user.licenses[0]?.skuId ?? '');
  const [toUserId, setToUserId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  if (user.status !== 'active' || user.licenses.length === 0) return null;

  const submit = () => {
    const found: Record<string, string> = {};
    if (!UUID.test(toUserId.trim())) found.toUserId = 'Enter the id (UUID) of the user who receives the seat.';
    else if (toUserId.trim() === user.userId) found.toUserId = 'Choose another user than this one.';
    setErrors(found);
    setConfirming(Object.keys(found).length === 0);
  };
  const target = licensesOf(user);
  target.delete(skuId);
  return (
    <section aria-labelledby="reassign-title" className="panel">
      <h2 id="reassign-title">Reassign a license</h2>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Select
          label="License"
          value={skuId}
          onChange={setSkuId}
          options={user.licenses.map((l): [string, string] => [l.skuId, l.skuId])}
        />
        <Field
          label="To user (id)"
          value={toUserId}
          onChange={(event) => setToUserId(event.target.value)}
          error={errors.toUserId ?? errors.skuId}
          placeholder="00000000-0000-0000-0000-000000000000"
        />
        <button type="submit">Preview reassign</button>
      </form>
      {confirming && (
        <ConfirmChange
          title={`Reassign ${skuId} from ${user.displayName}`}
          preview={() => previewLicenseChange(user, target, subs)}
          apply={() =>
            ok(
              api.POST('/v1/licenses/reassign', {
                body: { skuId, fromUserId: user.userId, toUserId: toUserId.trim() },
              }),
            )
          }
          onDone={() => {
            setConfirming(false);
            onChanged();
          }}
          onCancel={() => setConfirming(false)}
          onInvalid={(fields) => {
            setErrors(fields);
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}
