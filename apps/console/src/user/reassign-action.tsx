import { useState } from 'react';
import { api, ApiProblem, ok, type UserView } from '../api/client';
import { dryRun } from '../preview/dry-run';
import { Field, Select } from '../ui/field';
import { ConfirmChange } from './confirm';

/** Move one of the user's seats to another user (L8), found by UPN or id, after the API's preview of both sides. */
export function ReassignAction({ user, onChanged }: { user: UserView; onChanged: (done: string) => void }) {
  const [skuId, setSkuId] = useState(user.licenses[0]?.skuId ?? '');
  const [toUser, setToUser] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<UserView | null>(null);
  if (user.status !== 'active' || user.licenses.length === 0) return null;

  const submit = async () => {
    setTarget(null);
    const wanted = toUser.trim();
    if (!wanted) return setErrors({ toUserId: 'Enter the UPN or id of the user who receives the seat.' });
    try {
      const found = await ok(api.GET('/v1/users/{userId}', { params: { path: { userId: wanted } } }));
      if (found.userId === user.userId) return setErrors({ toUserId: 'Choose another user than this one.' });
      setErrors({});
      setTarget(found);
    } catch (e) {
      setErrors({ toUserId: e instanceof ApiProblem ? e.message : String(e) });
    }
  };
  const call = (to: UserView, preview: boolean) =>
    api.POST('/v1/licenses/reassign', {
      params: { query: preview ? { dryRun: true } : {} },
      body: { skuId, fromUserId: user.userId, toUserId: to.userId },
    });
  return (
    <section aria-labelledby="reassign-title" className="panel">
      <h2 id="reassign-title">Reassign a license</h2>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Select
          label="License"
          value={skuId}
          onChange={setSkuId}
          options={user.licenses.map((l): [string, string] => [l.skuId, l.skuId])}
        />
        <Field
          label="To user (UPN or id)"
          value={toUser}
          onChange={(event) => setToUser(event.target.value)}
          error={errors.toUserId ?? errors.skuId}
          placeholder="grace@contoso.com"
          autoComplete="off"
        />
        <button type="submit">Preview reassign</button>
      </form>
      {target && (
        <ConfirmChange
          key={target.userId + skuId}
          title={`Reassign ${skuId} from ${user.displayName} to ${target.displayName}`}
          names={{ [user.userId]: user.displayName, [target.userId]: target.displayName }}
          preview={() => dryRun(call(target, true))}
          apply={() => ok(call(target, false))}
          onDone={() => {
            setTarget(null);
            onChanged(`${skuId} moved to ${target.displayName}.`);
          }}
          onCancel={() => setTarget(null)}
          onInvalid={(fields) => {
            setErrors(fields);
            setTarget(null);
          }}
        />
      )}
    </section>
  );
}
