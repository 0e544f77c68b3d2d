/** The bare workflows' one activity: does nothing but say when it ran. */
export const bareActivities = {
  async noop(): Promise<number> {
    return Date.now();
  },
};

export type BareActivities = typeof bareActivities;
