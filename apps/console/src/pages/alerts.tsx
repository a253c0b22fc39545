import { useState } from 'react';
import { AlertRules } from '../alerts/rules';
import { RaisedAlerts } from '../alerts/raised';
import { Webhooks } from '../alerts/webhooks';
import { may } from '../auth/roles';
import { useSession } from '../auth/session';

/** N1: the rules that raise alerts, the alerts raised, and (global-admin) the webhooks they are sent to. */
export function AlertsPage() {
  const { identity } = useSession();
  const manage = may(identity?.roles ?? [], 'manageAlerts');
  const [round, setRound] = useState(0);
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <AlertRules editable={manage} onSaved={() => setRound((n) => n + 1)} />
      <RaisedAlerts round={round} />
      {manage && <Webhooks />}
    </section>
  );
}
