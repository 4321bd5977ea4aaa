import type { HubLogEntry } from '../hub/options.ts';
import type { RemotePresence } from './RemotePresence.ts';
import type { RoomFollower } from './RoomFollower.ts';
import type { BusEvent, RoomBus } from './RoomBus.ts';

/** What the cluster needs of one open room of the hub. */
export interface ClusterRoom {
  readonly name: string;
  readonly follower: RoomFollower;
  readonly presence: RemotePresence;
}

/** How the link finds the hub's open rooms. */
export interface ClusterRooms {
  get(name: string): ClusterRoom | undefined;
  all(): Iterable<ClusterRoom>;
}

/**
 * Connects a hub to the room bus: another hub's seq makes the room read the new rows,
 * its awareness reaches the local editors, its goodbye withdraws that presence, and a
 * gap (the bus lost the database for a while) makes every open room catch up and then
 * announce its own seq again, since what this hub announced meanwhile was lost as well.
 */
export class ClusterLink {
  private readonly unsubscribe: () => void;

  constructor(
    readonly bus: RoomBus,
    private readonly rooms: ClusterRooms,
    private readonly log: (entry: HubLogEntry) => void,
  ) {
    this.unsubscribe = bus.subscribe(this.onEvent);
  }

  /** Tells the other hubs that the room's log has committed rows up to `seq`. */
  committed(room: string, seq: number): void {
    this.bus.publishSeq(room, seq);
  }

  /** Sends an awareness update of this hub's editors in the room to the other hubs. */
  localAwareness(room: string, update: Uint8Array): void {
    this.bus.publishAwareness(room, update);
  }

  /** Stops listening (the bus itself is closed by whoever opened it). */
  stop(): void {
    this.unsubscribe();
  }

  private readonly onEvent = (event: BusEvent): void => {
    switch (event.kind) {
      case 'seq':
        this.rooms.get(event.room)?.follower.heard(event.seq);
        return;
      case 'awareness': {
        const room = this.rooms.get(event.room);
        if (room !== undefined && !room.presence.apply(event.hub, event.update)) {
          this.log({ level: 'warn', room: event.room, msg: `bad awareness from hub ${event.hub}` });
        }
        return;
      }
      case 'bye':
        for (const room of this.rooms.all()) room.presence.dropHub(event.hub);
        return;
      case 'gap':
        for (const room of this.rooms.all()) {
          void room.follower
            .catchUp()
            .then(() => this.bus.publishSeq(room.name, room.follower.seq));
        }
        return;
      case 'state':
        return;
    }
  };
}
