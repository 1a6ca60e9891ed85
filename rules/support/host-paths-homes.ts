/** Host paths (see host-paths.ts): below a user's home, written `~` (see homeRelative in host-path-lookup.ts), and the directories of homes. */
import { entries, type HostPathEntry } from './host-path-types';

/** `helpers`: the tools reading these files also run a program they name (credential_process, credsStore, exec plugins, pinentry). */
function credentials(what: string, paths: string[], helpers = true): HostPathEntry[] {
  return entries('credentials', 'warning', 'error', paths, {
    reads: `read the user's ${what}`,
    writes: helpers ? "plant credentials and helper programs the user's tools will use" : "plant credentials the user's tools will use",
  });
}

export const HOME: HostPathEntry[] = [
  {
    path: '~', kind: 'user-account', readOnly: 'warning', writable: 'error', exact: true,
    reads: "read the user's files, SSH keys and cloud tokens included",
    writes: 'plant an SSH key or a shell startup command and so act as the user',
  },
  ...entries('credentials', 'warning', 'error', ['~/.ssh'], {
    reads: "read the user's SSH private keys", writes: 'add an authorized key or an SSH config command that logs in or runs commands as the user',
  }),
  ...entries('reference-data', 'none', 'warning', ['~/.ssh/known_hosts', '~/.ssh/known_hosts.old'], { writes: "change which servers the user's SSH trusts" }),
  ...entries('user-startup', 'none', 'error', ['~/.ssh/authorized_keys', '~/.ssh/authorized_keys2'], { writes: 'add a key that logs in as the user' }),
  ...entries('user-startup', 'none', 'error', ['~/.ssh/config'], { writes: "add a command the user's SSH runs (ProxyCommand)" }),
  ...credentials('cloud credentials', ['~/.aws', '~/.azure', '~/.config/gcloud', '~/.oci', '~/.config/doctl', '~/.config/rclone', '~/.terraform.d', '~/.s3cfg', '~/.boto']),
  ...credentials('Kubernetes credentials', ['~/.kube']),
  ...credentials('registry credentials', ['~/.docker', '~/.dockercfg', '~/.config/containers/auth.json']),
  ...credentials('GPG keys and keyrings', ['~/.gnupg', '~/.local/share/keyrings', '~/.password-store', '~/.config/sops']),
  ...credentials('tokens for Git hosts and package registries', [
    '~/.netrc', '~/.git-credentials', '~/.config/gh', '~/.config/hub', '~/.npmrc', '~/.pypirc', '~/.vault-token',
  ], false),
  // Build caches (`~/.m2:/root/.m2`, `~/.gradle`, `~/.cargo`) are mounted for their downloads; the settings
  // file that may hold a registry password is reported when it is mounted itself.
  ...entries('credentials', 'warning', 'error', ['~/.cargo/credentials', '~/.cargo/credentials.toml', '~/.m2/settings.xml', '~/.m2/settings-security.xml', '~/.gradle/gradle.properties'], {
    reads: "read the user's tokens for package registries", writes: "plant credentials the user's tools will use", inParent: false,
  }),
  ...credentials('database passwords', ['~/.pgpass', '~/.my.cnf'], false),
  ...entries('credentials', 'warning', 'warning', ['~/.bash_history', '~/.zsh_history'], {
    reads: "read the user's shell history, with the passwords typed on command lines", writes: "change the user's shell history",
  }),
  ...entries('user-startup', 'none', 'error', ['~/.bashrc', '~/.bash_profile', '~/.bash_login', '~/.profile', '~/.zshrc', '~/.zprofile', '~/.zshenv', '~/.config/fish'], {
    writes: "add a command the user's shell runs at login",
  }),
  ...entries('user-startup', 'none', 'error', ['~/.gitconfig', '~/.config/git'], { writes: 'add a command git runs for the user (a hook path, an SSH command)' }),
  ...entries('user-startup', 'none', 'error', ['~/.config/autostart', '~/.config/systemd'], { writes: 'add a program the user\'s session starts' }),
];

/** `/home`, `/Users`: every user's home. */
export const HOMES: HostPathEntry[] = entries('user-account', 'warning', 'error', ['/home', '/Users'], {
  exact: true, reads: "read every user's files, SSH keys and cloud tokens included", writes: "plant an SSH key or a shell startup command in any user's home",
});

