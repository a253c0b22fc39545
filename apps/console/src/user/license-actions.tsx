import { useState } from 'react';
import { api, ok, type SubscriptionView, type UserView } from '../api/client';
import { licensesOf, previewLicenseChange, type LicenseSet } from '../preview/consequences';
import { Select } from '../ui/field';
import { ConfirmChange } from './confirm';

interface Change {
  title: string;
  target: LicenseSet;
  body: { addLicenses: Array<{ skuId: string; disabledPlans: string[] }>; removeLicenses: string[] };
}

/** Assign a SKU, remove one, or change its disabled plans: each previewed, then confirmed (one assignLicense call). */
export function LicenseActions({
  user,
  subs,
  onChanged,
  readOnly,
}: {
  user: UserView;
  subs: SubscriptionView[];
  onChanged: () => void;
  readOnly: boolean;
}) {
  const [change, setChange] = useState<Change | null>(null);
  const [adding, setAdding] = useState('');
  const current = licensesOf(user);
  const free = subs.filter((s) => !current.has(s.skuId));
  const editable = user.status === 'active' && !readOnly;

  const remove = (skuId: string) => {
    const target = new Map(current);
    target.delete(skuId);
    setChange({
      title: `Remove ${skuId} from ${user.displayName}`,
      target,
      body: { addLicenses: [], removeLicenses: [skuId] },
    });
  };
  const setPlans = (skuId: string, disabledPlans: string[]) => {
    const target = new Map(current).set(skuId, disabledPlans);
    const verb = current.has(skuId) ? `Change the plans of ${skuId}` : `Assign ${skuId}`;
    setChange({
      title: `${verb} for ${user.displayName}`,
      target,
      body: { addLicenses: [{ skuId, disabledPlans }], removeLicenses: [] },
    });
  };

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
          key={change.title + JSON.stringify([...change.target])}
          title={change.title}
          preview={() => previewLicenseChange(user, change.target, subs)}
          apply={() =>
            ok(
              api.POST('/v1/users/{userId}/assignLicense', {
                params: { path: { userId: user.userId } },
                body: change.body,
              }),
            )
          }
          onDone={() => {
            setChange(null);
            onChanged();
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
