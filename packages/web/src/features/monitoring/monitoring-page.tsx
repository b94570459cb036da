import { PageHeader } from '../../components/page-header.tsx';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import { AlertInbox } from './alert-inbox.tsx';
import { listAlerts } from './monitoring-api.ts';
import { RegisterStatePanel } from './register-state-panel.tsx';

/** Monitoring: the register's state and the alert inbox of the signed-in organisation. */
export default function MonitoringPage() {
  const state = useApi('monitor-alerts', (s) => listAlerts(s));
  return (
    <>
      <PageHeader
        title="Monitoring"
        lede="Your counterparties, re-screened on every list update, and the alerts to work."
      />
      <Async state={state} loadingLabel="Reading alerts…">
        {(alerts) => (
          <>
            <RegisterStatePanel alerts={alerts} />
            <AlertInbox alerts={alerts} onChanged={state.reload} />
          </>
        )}
      </Async>
    </>
  );
}
