import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadIntakeConfig } from './config';
import { startIntake } from './intake.service';

const config = loadIntakeConfig();
const logger = createLogger({ name: 'intake', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'intake' });
  const intake = await startIntake(platform, config);
  return {
    async stop() {
      await intake.stop();
      await platform.close();
    },
  };
});
