; Inno Setup script for the Windows installer. Build the one-folder app first on Windows:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller --noconfirm packaging\lbn-quartermaster.spec
; then compile this script with Inno Setup 6:  iscc packaging\lbn-quartermaster.iss
#define AppName "LBN Quartermaster"
#define AppVersion "0.1.0"

[Setup]
AppId={{5E0C8B7A-3B7E-4C59-9D0B-1C7A4E2F9B11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=LBN Quartermaster
DefaultDirName={autopf}\LBN Quartermaster
DefaultGroupName=LBN Quartermaster
OutputDir=..\dist
OutputBaseFilename=lbn-quartermaster-{#AppVersion}-setup
SetupIconFile=..\resources\icons\lbn-quartermaster.ico
Compression=lzma2
SolidCompression=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\dist\lbn-quartermaster\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\LBN Quartermaster"; Filename: "{app}\lbn-desktop.exe"
Name: "{autodesktop}\LBN Quartermaster"; Filename: "{app}\lbn-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"

[Run]
Filename: "{app}\lbn-desktop.exe"; Description: "Start LBN Quartermaster"; Flags: nowait postinstall skipifsilent
