import { createLogger } from '@grid-dispatch/logger';
import { openPlatform, runMain } from '@grid-dispatch/runtime';
import { loadWorkflowConfig } from './config';
import { startWorkflow } from './workflow.service';

const config = loadWorkflowConfig();
const logger = createLogger({ name: 'workflow', level: config.LOG_LEVEL });

runMain(logger, async () => {
  const platform = await openPlatform(config, logger, { service: 'workflow' });
  const workflow = await startWorkflow(platform, config);
  return {
    async stop() {
      await workflow.stop();
      await platform.close();
    },
  };
});
