import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { listAlerts } from './monitoring-api.ts';
import { RegisterStatePanel } from './register-state-panel.tsx';

/** The dashboard's monitoring panel: the signed-in organisation's register by ally or list. */
export function MonitoringPanel() {
  const state = useApi('dashboard-monitor-alerts', (s) => listAlerts(s));
  return <Async state={state}>{(alerts) => <RegisterStatePanel alerts={alerts} />}</Async>;
}
