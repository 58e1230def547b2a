import path from 'node:path';
import notifier from 'node-notifier';

/** Shows a notification the backend decided on; a click brings the desk forward on that conversation. */
export function showNotification(n: { title: string; message: string }, resourcesPath: string, onClick: () => void): void {
  notifier.notify({ title: n.title, message: n.message, appID: 'com.clinicdesk.app', wait: true, icon: path.join(resourcesPath, 'icon.png') }, (_err, response) => {
    if (response === 'activate' || response === 'clicked') onClick();
  });
}
