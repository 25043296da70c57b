-- iplive apps, groups, records and nodes (seed 002) and the probe-flow registry (seed 000).

CREATE TABLE "IpLiveApps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveApps" PRIMARY KEY AUTOINCREMENT,
    "AppName" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "TokenPrefix" TEXT NOT NULL,
    "CallbackUrl" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "IpLiveGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveGroups" PRIMARY KEY AUTOINCREMENT,
    "AppId" INTEGER NOT NULL,
    "GroupId" INTEGER NOT NULL,
    "Protocol" TEXT NOT NULL,
    "Port" INTEGER NULL,
    "Path" TEXT NULL,
    "IntervalSeconds" INTEGER NOT NULL,
    "Stopped" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IpLiveGroups_IpLiveApps_AppId" FOREIGN KEY ("AppId") REFERENCES "IpLiveApps" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IpLiveNodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveNodes" PRIMARY KEY AUTOINCREMENT,
    "NodeIp" TEXT NOT NULL,
    "HostId" INTEGER NOT NULL,
    "AgentTokenId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_IpLiveNodes_AgentTokens_AgentTokenId" FOREIGN KEY ("AgentTokenId") REFERENCES "AgentTokens" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IpLiveNodes_Hosts_HostId" FOREIGN KEY ("HostId") REFERENCES "Hosts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProbeFlows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProbeFlows" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "InstanceName" TEXT NOT NULL,
    "InstanceIp" TEXT NOT NULL,
    "InstanceMac" TEXT NOT NULL,
    "InstancePort" TEXT NOT NULL,
    "PhyNode" TEXT NOT NULL,
    "ProxyIp" TEXT NOT NULL,
    "HostId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ProbeFlows_Hosts_HostId" FOREIGN KEY ("HostId") REFERENCES "Hosts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IpLiveRecords" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IpLiveRecords" PRIMARY KEY AUTOINCREMENT,
    "IpLiveGroupId" INTEGER NOT NULL,
    "RecordId" INTEGER NOT NULL,
    "Ip" TEXT NOT NULL,
    "MonitorId" INTEGER NOT NULL,
    CONSTRAINT "FK_IpLiveRecords_IpLiveGroups_IpLiveGroupId" FOREIGN KEY ("IpLiveGroupId") REFERENCES "IpLiveGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IpLiveRecords_Monitors_MonitorId" FOREIGN KEY ("MonitorId") REFERENCES "Monitors" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_IpLiveApps_AppName" ON "IpLiveApps" ("AppName");

CREATE UNIQUE INDEX "IX_IpLiveApps_TokenHash" ON "IpLiveApps" ("TokenHash");

CREATE UNIQUE INDEX "IX_IpLiveGroups_AppId_GroupId" ON "IpLiveGroups" ("AppId", "GroupId");

CREATE INDEX "IX_IpLiveNodes_AgentTokenId" ON "IpLiveNodes" ("AgentTokenId");

CREATE INDEX "IX_IpLiveNodes_HostId" ON "IpLiveNodes" ("HostId");

CREATE UNIQUE INDEX "IX_IpLiveNodes_NodeIp" ON "IpLiveNodes" ("NodeIp");

CREATE UNIQUE INDEX "IX_IpLiveRecords_IpLiveGroupId_RecordId" ON "IpLiveRecords" ("IpLiveGroupId", "RecordId");

CREATE UNIQUE INDEX "IX_IpLiveRecords_MonitorId" ON "IpLiveRecords" ("MonitorId");

CREATE INDEX "IX_ProbeFlows_HostId" ON "ProbeFlows" ("HostId");

CREATE UNIQUE INDEX "IX_ProbeFlows_InstanceId" ON "ProbeFlows" ("InstanceId");
