"""ScanStation: the branch workstation that turns paper technical files into the electronic file."""

__version__ = "0.1.0"
