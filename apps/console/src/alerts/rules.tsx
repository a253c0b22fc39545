import { useState } from 'react';
import { api, ok, showFailure, type Schemas } from '../api/client';
import { Problem, Show, useLoad } from '../ui/async';
import { Field, Select } from '../ui/field';

const MAX_SEATS = 1_000_000;

interface Row {
  skuId: string;
  available: string;
}

/** The rules in force (N1); global-admin edits them: a seats threshold per SKU, and the purge-due window. */
export function AlertRules({ editable, onSaved }: { editable: boolean; onSaved: () => void }) {
  const [loaded] = useLoad(
    async () => ({
      rules: await ok(api.GET('/v1/alerts/rules')),
      skus: (await ok(api.GET('/v1/subscriptions'))).items.map((s) => s.skuId),
    }),
    [],
  );
  return (
    <section aria-labelledby="rules-title" className="panel">
      <h2 id="rules-title">Rules</h2>
      <Show loaded={loaded}>
        {({ rules, skus }) =>
          editable ? <RulesForm rules={rules} skus={skus} onSaved={onSaved} /> : <RulesText rules={rules} />
        }
      </Show>
    </section>
  );
}

function RulesText({ rules }: { rules: Schemas['AlertRulesDoc'] }) {
  return (
    <ul>
      {rules.seatsBelow.map((r) => (
        <li key={r.skuId}>
          SeatsLow when <code>{r.skuId}</code> has fewer than {r.available} seats available
        </li>
      ))}
      <li>
        {rules.purgeDueWithinDays === null
          ? 'No purge-due window'
          : `PurgeDueSoon ${rules.purgeDueWithinDays} day(s) before a purge`}
      </li>
    </ul>
  );
}

function check(rows: Row[], days: string): Record<string, string> {
  const found: Record<string, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.skuId) found[`seatsBelow.${i}.skuId`] = 'Choose a SKU.';
    else if (seen.has(row.skuId)) found[`seatsBelow.${i}.skuId`] = 'One threshold per SKU.';
    seen.add(row.skuId);
    const n = Number(row.available);
    if (!Number.isInteger(n) || n < 1 || n > MAX_SEATS)
      found[`seatsBelow.${i}.available`] = `A whole number from 1 to ${MAX_SEATS.toLocaleString('en')}.`;
  });
  const d = Number(days);
  if (days !== '' && (!Number.isInteger(d) || d < 1 || d > 30))
    found.purgeDueWithinDays = 'A whole number of days from 1 to 30, or empty for none.';
  return found;
}

function RulesForm({ rules, skus, onSaved }: { rules: Schemas['AlertRulesDoc']; skus: string[]; onSaved: () => void }) {
  const [rows, setRows] = useState<Row[]>(rules.seatsBelow.map((r) => ({ ...r, available: String(r.available) })));
  const [days, setDays] = useState(rules.purgeDueWithinDays === null ? '' : String(rules.purgeDueWithinDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const setRow = (i: number, change: Partial<Row>) => {
    setRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
    setSaved(false);
  };
  const save = async () => {
    const found = check(rows, days);
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    try {
      await ok(
        api.PUT('/v1/alerts/rules', {
          body: {
            seatsBelow: rows.map((r) => ({ skuId: r.skuId, available: Number(r.available) })),
            ...(days ? { purgeDueWithinDays: Number(days) } : {}),
          },
        }),
      );
      setSaved(true);
      onSaved();
    } catch (e) {
      showFailure(e, setErrors, setError);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="pick">
        <legend>Seats below a threshold (SeatsLow)</legend>
        {rows.length === 0 && <p className="muted">No threshold.</p>}
        {rows.map((row, i) => (
          <div className="inline-form" key={i}>
            <Select
              label={`SKU ${i + 1}`}
              value={row.skuId}
              onChange={(skuId) => setRow(i, { skuId })}
              options={[['', 'choose…'], ...skus.map((s): [string, string] => [s, s])]}
              error={errors[`seatsBelow.${i}.skuId`]}
            />
            <Field
              label={`Fewer available than (${i + 1})`}
              type="number"
              min={1}
              inputMode="numeric"
              value={row.available}
              onChange={(event) => setRow(i, { available: event.target.value })}
              error={errors[`seatsBelow.${i}.available`]}
            />
            <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove<span className="sr-only"> threshold {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setRows([...rows, { skuId: '', available: '1' }])}>
          Add a threshold
        </button>
      </fieldset>
      <div className="inline-form">
        <Field
          label="Purge due within (days)"
          type="number"
          min={1}
          max={30}
          inputMode="numeric"
          hint="PurgeDueSoon; empty: none"
          value={days}
          onChange={(event) => {
            setDays(event.target.value);
            setSaved(false);
          }}
          error={errors.purgeDueWithinDays}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Save rules
        </button>
        {saved && <span role="status">Saved.</span>}
      </div>
      {error !== null && <Problem error={error} />}
    </form>
  );
}
