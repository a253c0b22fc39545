import { useState } from 'react';
import { api, ok, type Schemas, type SubscriptionView, type UserView } from '../api/client';
import { dryRun } from '../preview/dry-run';
import { Select } from '../ui/field';
import { ConfirmChange } from './confirm';

interface Change {
  title: string;
  body: Schemas['AssignLicenseDto'];
}

/**
 * Assign a SKU, remove one, or change its disabled plans: one assignLicense call, previewed by the same call
 * with `?dryRun=true`, then confirmed. `subs` is empty for a role that may not read seats (the plans are then
 * listed from the license alone).
 */
export function LicenseActions({
  user,
  subs,
  onChanged,
  readOnly,
}: {
  user: UserView;
  subs: SubscriptionView[];
  onChanged: (done: string) => void;
  readOnly: boolean;
}) {
  const [change, setChange] = useState<Change | null>(null);
  const [adding, setAdding] = useState('');
  const held = new Set(user.licenses.map((l) => l.skuId));
  const free = subs.filter((s) => !held.has(s.skuId));
  const editable = user.status === 'active' && !readOnly;

  const remove = (skuId: string) =>
    setChange({
      title: `Remove ${skuId} from ${user.displayName}`,
      body: { addLicenses: [], removeLicenses: [skuId] },
    });
  const setPlans = (skuId: string, disabledPlans: string[]) => {
    const verb = held.has(skuId) ? `Change the plans of ${skuId}` : `Assign ${skuId}`;
    setChange({
      title: `${verb} for ${user.displayName}`,
      body: { addLicenses: [{ skuId, disabledPlans }], removeLicenses: [] },
    });
  };
  const call = (body: Schemas['AssignLicenseDto'], preview: boolean) =>
    api.POST('/v1/users/{userId}/assignLicense', {
      params: { path: { userId: user.userId }, query: preview ? { dryRun: true } : {} },
      body,
    });

  return (
    <div className="license-actions">
      <div className="table-wrap">
        <table>
          <caption>Licenses</caption>
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Plans (unchecked = disabled)</th>
              <th scope="col">Assigned</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {user.licenses.map((license) => (
              <tr key={license.skuId}>
                <td>
                  <code>{license.skuId}</code>
                </td>
                <td>
                  <PlanToggles
                    skuId={license.skuId}
                    plans={subs.find((s) => s.skuId === license.skuId)?.servicePlans ?? []}
                    disabled={license.disabledPlans}
                    onChange={(plans) => setPlans(license.skuId, plans)}
                    editable={editable}
                  />
                </td>
                <td className="small">
                  {license.assignedAt.slice(0, 10)} by {license.assignedBy}
                </td>
                <td>
                  {editable && (
                    <button type="button" onClick={() => remove(license.skuId)}>
                      Remove<span className="sr-only"> {license.skuId}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {user.licenses.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No licenses.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {editable && free.length > 0 && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (adding) setPlans(adding, []);
          }}
        >
          <Select
            label="Assign a SKU"
            value={adding}
            onChange={setAdding}
            options={[
              ['', 'choose…'],
              ...free.map((s): [string, string] => [s.skuId, `${s.skuId} (${s.available} available)`]),
            ]}
          />
          <button type="submit" disabled={!adding}>
            Preview assignment
          </button>
        </form>
      )}
      {change && (
        <ConfirmChange
          key={JSON.stringify(change.body)}
          title={change.title}
          preview={() => dryRun(call(change.body, true))}
          apply={() => ok(call(change.body, false))}
          onDone={() => {
            setChange(null);
            onChanged(`Done: ${change.title}.`);
          }}
          onCancel={() => setChange(null)}
        />
      )}
    </div>
  );
}

function PlanToggles({
  skuId,
  plans,
  disabled,
  onChange,
  editable,
}: {
  skuId: string;
  plans: string[];
  disabled: string[];
  onChange: (disabled: string[]) => void;
  editable: boolean;
}) {
  return (
    <fieldset className="plans">
      <legend className="sr-only">Plans of {skuId}</legend>
      {plans.length === 0 && (
        <span className="small">{disabled.length ? `disabled: ${disabled.join(', ')}` : 'every plan on'}</span>
      )}
      {plans.map((plan) => (
        <label key={plan} className={disabled.includes(plan) ? 'plan off' : 'plan'}>
          <input
            type="checkbox"
            checked={!disabled.includes(plan)}
            disabled={!editable}
            onChange={(event) =>
              onChange(event.target.checked ? disabled.filter((p) => p !== plan) : [...disabled, plan])
            }
          />
          {plan}
        </label>
      ))}
    </fieldset>
  );
}
