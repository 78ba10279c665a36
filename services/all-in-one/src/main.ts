import { DEMO_USERS } from '@grid-dispatch/bootstrap';
import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadSystemConfig } from './config';
import { provisionSystem, startSystem } from './system';

const config = loadSystemConfig();
const logger = createLogger({ name: 'all-in-one', level: config.LOG_LEVEL });
const say = (message: string) => process.stdout.write(`[grid-dispatch] ${message}\n`);

runMain(logger, async () => {
  if (config.SETUP_ONLY) {
    // A one-off setup run serves no metrics: its port may belong to the running system.
    const platform = await openPlatform({ ...config, METRICS_PORT: 0 }, logger, { service: 'all-in-one' });
    await provisionSystem(platform, config, say);
    await platform.close();
    say('setup done');
    process.exit(0);
  }
  const system = await startSystem(config, logger, say);
  const origin = `http://localhost:${system.services.gateway.port}`;
  say('');
  say(`ready: ${origin}`);
  say(`  resident report form   ${origin}/`);
  say(`  unit console           ${origin}/console.html`);
  say(`  secretary dashboard    ${origin}/dashboard.html`);
  say(`  administration         ${origin}/admin.html`);
  say(`  health                 ${origin}/healthz`);
  say(
    `  admin login            admin / ${process.env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : config.ADMIN_PASSWORD}`,
  );
  if (config.SEED_DEMO) {
    say(`  demo logins (password ${process.env.DEMO_PASSWORD ? '(DEMO_PASSWORD)' : config.DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS.filter((u) =>
      ['municipal.member', 'gas.member', 'chunhai.secretary', 'zhongshan.secretary'].includes(u.username),
    )) {
      say(`    ${u.username.padEnd(22)} ${u.role}`);
    }
    say(`    … and <unit>.member for every unit (see README)`);
  }
  say('Ctrl-C stops the services.');
  return system;
});
