import { useTranslation } from 'react-i18next';

/** The manager.conf lines IT adds on the PBX: `read` must include the classes the desk logs in for (amiClient.ts AMI_EVENT_CLASSES). */
export function ManagerConfHint({ username }: { username: string }) {
  const { t } = useTranslation('pbxrecords');
  const lines = [`[${username || 'clinicdesk'}]`, 'secret = …', 'deny = 0.0.0.0/0.0.0.0', "permit = <this PC's address>/255.255.255.255", 'read = call,dialplan', 'write ='];
  return (
    <details className="muted" data-testid="pbx-manager-conf">
      <summary>{t('ami.title')}</summary>
      <p>{t('ami.hint')}</p>
      <pre>{lines.join('\n')}</pre>
    </details>
  );
}
