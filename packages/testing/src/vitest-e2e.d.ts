export declare const e2eTestConfig: {
  include: string[];
  testTimeout: number;
  hookTimeout: number;
  fileParallelism: boolean;
  pool: "forks";
  expect: { poll: { timeout: number; interval: number } };
};
