import { PageHeader } from '../../components/page-header.tsx';
import { Async } from '../../components/states.tsx';
import { useApi } from '../../components/use-api.ts';
import type { Alert } from '@entente/core';
import { AlertInbox } from './alert-inbox.tsx';
import { FullRunPanel } from './full-run-panel.tsx';
import { listAlerts } from './monitoring-api.ts';
import { RegisterStatePanel } from './register-state-panel.tsx';

function Monitoring({ alerts, reload }: { alerts: Alert[]; reload: () => void }) {
  return (
    <>
      <FullRunPanel />
      <RegisterStatePanel alerts={alerts} />
      <AlertInbox alerts={alerts} onChanged={reload} />
    </>
  );
}

/** Monitoring: the register's state and the alert inbox of the signed-in organisation. */
export default function MonitoringPage() {
  const state = useApi('monitor-alerts', (s) => listAlerts(s));
  return (
    <>
      <PageHeader
        title="Monitoring"
        lede="Your counterparties, re-screened on every list update, and the alerts to work."
      />
      {/* After a bulk change the list reloads in place: the inbox keeps its filters, selection message and focus. */}
      {state.data && !state.error ? (
        <Monitoring alerts={state.data} reload={state.reload} />
      ) : (
        <Async state={state} loadingLabel="Reading alerts…">
          {(alerts) => <Monitoring alerts={alerts} reload={state.reload} />}
        </Async>
      )}
    </>
  );
}
